namespace Portal.Monitoraggio.Validation;

/// <summary>What the validator checks a feed against: the uploading ente, today, the Comuni and measures, what the portal holds.</summary>
/// <param name="Comuni">ISTAT code → sigla della provincia, for every known Comune.</param>
/// <param name="HeldRanks">Rank (<see cref="FeedFormat.Rank"/>) of the state the portal holds, by <see cref="PraticaKey.Hash"/> of ID_PRATICA.</param>
/// <param name="LastAccepted">DATA_RIFERIMENTO of the ente's last applied feed.</param>
/// <param name="ExpectedLines">About how many lines the feed has (from its size), to size the table of the IDs met; 0 = unknown.</param>
public sealed record FeedContext(
    string EnteCode,
    DateOnly Today,
    IReadOnlyDictionary<string, string> Comuni,
    IReadOnlySet<string> Misure,
    IReadOnlyDictionary<ulong, byte> HeldRanks,
    DateOnly? LastAccepted,
    int ExpectedLines = 0);

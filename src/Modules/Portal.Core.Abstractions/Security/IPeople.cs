namespace Portal.Core.Security;

/// <summary>A person as other modules see them (no roles, no login data).</summary>
/// <param name="LastLoginUtc">When they last logged in; null if never.</param>
public sealed record PersonInfo(Guid Id, string CodiceFiscale, string Nome, string Cognome, string? Email, bool IsDemo, DateTime? LastLoginUtc = null)
{
    public string FullName => $"{Nome} {Cognome}";
}

/// <summary>The people known to the portal, identified by codice fiscale. Implemented by Portal.Core.</summary>
public interface IPeople
{
    Task<PersonInfo?> FindAsync(Guid id, CancellationToken ct = default);

    Task<PersonInfo?> FindByCodiceFiscaleAsync(string codiceFiscale, CancellationToken ct = default);

    Task<IReadOnlyDictionary<Guid, PersonInfo>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct = default);

    /// <summary>The people with these codici fiscali (as stored: upper case), by codice fiscale; unknown ones are absent.</summary>
    Task<IReadOnlyDictionary<string, PersonInfo>> FindManyByCodiceFiscaleAsync(IEnumerable<string> codiciFiscali, CancellationToken ct = default);

    /// <summary>The person with this codice fiscale, created with these names when new (inside the current unit of work).</summary>
    Task<PersonInfo> EnsureAsync(string codiceFiscale, string nome, string cognome, string? email = null, CancellationToken ct = default);

    /// <summary>The demonstration people (listed on the development login page), by surname and name.</summary>
    Task<IReadOnlyList<PersonInfo>> DemoPeopleAsync(CancellationToken ct = default);

    /// <summary>
    /// People whose codice fiscale, name or surname contains <paramref name="text"/> (literally, any case) and, when
    /// <paramref name="activeRole"/> is given, who hold that role now; by surname and name, at most <paramref name="take"/>.
    /// </summary>
    Task<IReadOnlyList<PersonInfo>> SearchAsync(string? text, string? activeRole, int take, CancellationToken ct = default);

    /// <summary>Updates the contact e-mail (null clears it).</summary>
    Task SetEmailAsync(Guid id, string? email, CancellationToken ct = default);
}

namespace Portal.Core.Settings;

/// <summary>A coded value of a look-up table, e.g. ("CN", "CELIBE/NUBILE") of "statoCivile".</summary>
public sealed record LookupValue(string Code, string Description, int Order);

/// <summary>The portal's look-up tables (loaded by the recipe step "lookups"). Implemented by Portal.Core.</summary>
public interface ILookups
{
    /// <summary>The values of the tables, each in its order; a table without values is absent.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<LookupValue>>> TablesAsync(IEnumerable<string> tables, CancellationToken ct = default);

    /// <summary>The description of one code of a table; null when the code is not there.</summary>
    Task<string?> DescriptionAsync(string table, string code, CancellationToken ct = default);
}

namespace Portal.Core.Data;

/// <summary>A module's database: its context type (resolved per provider) and its migrations history table.</summary>
public sealed record ModuleDatabase(string ModuleName, Type ContextType, string HistoryTable);

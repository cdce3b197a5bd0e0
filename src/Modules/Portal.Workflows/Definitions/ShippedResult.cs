namespace Portal.Workflows.Definitions;

public enum ShippedResult
{
    /// <summary>The shipped file was new or changed: it is now the latest version.</summary>
    Created,
    /// <summary>The latest version is the shipped file.</summary>
    Unchanged,
    /// <summary>The shipped file is an older version; a later one (an administrator's edit) stays current.</summary>
    KeptEdit,
}

namespace Portal.Core.Security;

/// <summary>
/// Why a request was refused with 403, in words for the person: a module that refuses before the page runs (e.g. a
/// network restriction) puts it in <c>HttpContext.Items[AccessDenial.Item]</c> and the error page shows it.
/// </summary>
public sealed record AccessDenial(string Title, string Message)
{
    public const string Item = "portal:accesso-negato";
}

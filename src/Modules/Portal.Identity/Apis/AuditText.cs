using System.Text;

namespace Portal.Identity.Apis;

/// <summary>Text from a request made safe for the audit trail: no control characters (PostgreSQL refuses NUL), bounded length.</summary>
internal static class AuditText
{
    public static string Printable(string text, int maxChars = 1000)
    {
        var sb = new StringBuilder(Math.Min(text.Length, maxChars + 1));
        foreach (var c in text)
        {
            if (sb.Length == maxChars) return sb.Append('…').ToString();
            sb.Append(char.IsControl(c) ? '?' : c);
        }
        return sb.ToString();
    }
}

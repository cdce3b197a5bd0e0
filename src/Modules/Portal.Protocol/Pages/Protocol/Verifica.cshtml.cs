using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Receipts;

using Portal.Core.Security;

namespace Portal.Protocol.Pages.Protocol;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Verification)]
public sealed class VerificaModel(IReceipts receipts) : PageModel
{
    public string? Codice { get; private set; }
    public Receipt? Receipt { get; private set; }
    public IReadOnlyList<ReceiptFile> Files { get; private set; } = [];
    public bool Unknown { get; private set; }

    public async Task OnGetAsync(string? codice)
    {
        Codice = codice?.Trim();
        if (string.IsNullOrEmpty(Codice)) return;
        Receipt = Codice.Length <= 16 ? await receipts.FindByCodeAsync(Codice) : null;
        if (Receipt is null)
        {
            Unknown = true;
            Response.StatusCode = 404;
            return;
        }
        Files = receipts.FilesOf(Receipt);
        Response.Headers.CacheControl = "no-store";
    }
}

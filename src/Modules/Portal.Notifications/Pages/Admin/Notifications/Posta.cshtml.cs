using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Security;
using Portal.Notifications.Messages;
using Portal.Notifications.Model;
using Portal.Core.Data;

namespace Portal.Notifications.Pages.Admin.Notifications;

[Authorize(Policy = PermissionPolicy.Prefix + "Notifications.ManageTemplates")]
public sealed class PostaModel(MailLogQuery log) : PageModel
{
    public const int PageSize = 50;
    public MailLogFilter Filter { get; private set; } = new();
    public IReadOnlyList<SentMail> Mails { get; private set; } = [];
    public IReadOnlyList<string> Codes { get; private set; } = [];
    public int Total { get; private set; }
    public int Pagina { get; private set; }

    public static string StateLabel(MailState s) => s switch
    {
        MailState.InCoda => "In coda",
        MailState.Inviata => "Inviata",
        MailState.Errore => "Non riuscita, nuovo tentativo in programma",
        MailState.SenzaIndirizzo => "Non inviata: nessun indirizzo e-mail",
        MailState.Abbandonata => "Non inviata: tentativi esauriti",
        _ => s.ToString(),
    };

    public string PageUrl(int page) =>
        $"?destinatario={Uri.EscapeDataString(Filter.Destinatario ?? "")}&modello={Uri.EscapeDataString(Filter.Modello ?? "")}&stato={Filter.Stato}&dal={Filter.Dal:yyyy-MM-dd}&al={Filter.Al:yyyy-MM-dd}&pagina={page}";

    public async Task OnGetAsync(string? destinatario, string? modello, MailState? stato, DateOnly? dal, DateOnly? al, int pagina = 1)
    {
        Filter = new MailLogFilter(destinatario, modello, stato, dal, al);
        Pagina = Math.Max(1, pagina);
        var q = log.Apply(Filter);
        Total = await q.CountAsync();
        Mails = await q.Skip(Paging.Skip(Pagina, PageSize)).Take(PageSize).ToListAsync();
        Codes = await log.TemplateCodesAsync();
    }
}

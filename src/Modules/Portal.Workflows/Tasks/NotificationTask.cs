using Portal.Core.Settings;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Contracts;
using Portal.Core.Time;
using Portal.Workflows.Engine;

namespace Portal.Workflows.Tasks;

/// <summary>
/// "notifica:&lt;template&gt;": tells the subject's owner through INotifications. The template is checked when the
/// notification is sent (the notifications module owns templates), so definitions validate without it.
/// </summary>
internal sealed partial class NotificationTask(IOutbox outbox, IPublicAddress publicAddress) : IWorkflowTask
{
    public const string Kind = "workflows.notifica";

    public string Name => "notifica:";

    public string Description => "Invia al titolare la notifica con il modello indicato dopo «notifica:»";

    public string? ValidateArgument(string? argument) =>
        argument is not null && TemplatePattern().IsMatch(argument) ? null
            : "indicare il codice del modello dopo «notifica:» (lettere minuscole, cifre e trattini).";

    public Task EnqueueAsync(WorkflowTaskContext context, string? argument, CancellationToken ct)
    {
        var values = new Dictionary<string, string>
        {
            ["pratica"] = context.Subject?.Title ?? context.Instance.SubjectId,
            ["stato"] = context.Instance.StateLabel,
            ["data"] = RomeTime.Format(context.Instance.UpdatedUtc),
            ["indirizzo"] = publicAddress.Link(context.Subject?.Path ?? "/"),
        };
        return outbox.EnqueueAsync(new OutboxItem(Kind,
            Payload.Write(new NotificationPayload(argument!, context.Instance.OwnerPersonId, values)), context.IdempotencyKey), ct);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial Regex TemplatePattern();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Notifications.Model;
using Portal.Notifications.Templates;

namespace Portal.Notifications.Pages.Admin.Notifications;

[Authorize(Policy = PermissionPolicy.Prefix + "Notifications.ManageTemplates")]
public sealed class ModelliModel(TemplateStore templates) : PageModel
{
    public IReadOnlyList<NotificationTemplate> Templates { get; private set; } = [];

    public async Task OnGetAsync() => Templates = await templates.ListAsync();
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Notifications.Messages;
using Portal.Notifications.Model;

namespace Portal.Notifications.Pages.Notifications;

[Authorize]
public sealed class MessaggiModel(MessageQueries messages) : PageModel
{
    public IReadOnlyList<PortalMessage> Messages { get; private set; } = [];
    public int Unread { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.GetPersonId() is not Guid person) return Forbid();
        Messages = await messages.ListAsync(person);
        Unread = Messages.Count(m => m.ReadUtc is null);
        return Page();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Security;
using Portal.Notifications.Messages;
using Portal.Notifications.Model;

namespace Portal.Notifications.Pages.Notifications;

/// <summary>Opening a message marks it read; another person's message is not found.</summary>
[Authorize]
public sealed class MessaggioModel(MessageQueries messages) : PageModel
{
    public PortalMessage Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (User.GetPersonId() is not Guid person) return Forbid();
        var message = await messages.MarkReadAsync(person, id);
        if (message is null) return NotFound();
        Message = message;
        return Page();
    }
}

using System.Net;
using Portal.Testing;

namespace Portal.Workflows.Tests;

/// <summary>The demo workflow is reachable from the menu by a signed-in person, and not offered to a visitor.</summary>
public class DemoMenuTests(WorkflowPortal portal) : IClassFixture<WorkflowPortal>
{
    [Fact]
    public async Task A_signed_in_person_finds_the_demo_requests_in_the_menu_and_a_visitor_does_not()
    {
        const string entry = "href=\"/richieste-di-prova\"";
        Assert.DoesNotContain(entry, await portal.Anonymous().GetStringAsync("/"));
        var client = await portal.LoginAsync(Portal.Testing.Demo.Cittadino);
        var home = await client.GetStringAsync("/");
        Assert.Contains(entry, home);
        Assert.Contains("<span>Richieste di prova</span>", home);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/richieste-di-prova")).StatusCode);
    }
}

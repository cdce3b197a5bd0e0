using Microsoft.Extensions.DependencyInjection;
using Portal.Contents.Contracts;
using Portal.Contents.Model;
using Portal.Contents.Services;
using Portal.Testing;

namespace Portal.Contents.Tests;

/// <summary>What a service module reads of its windows through IFinestre: the Avviso, its documents, typed parameters.</summary>
public class ServiceFinestreTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DecimalParameter Soglia = new("soglia", "Soglia (euro)", 100m);
    private static readonly IntegerParameter Posti = new("posti", "Posti disponibili");
    private static readonly TextParameter Ufficio = new("ufficio", "Ufficio", "URP");

    private async Task<(Guid Avviso, Guid Finestra, string Servizio)> CreateAsync(string parametri)
    {
        var servizio = "Prova" + Guid.NewGuid().ToString("N")[..8];
        return await portal.InScopeAsync(async sp =>
        {
            var s = sp.GetRequiredService<ContentService>();
            var avviso = await s.CreateAsync(ContentTypes.Avviso, new ContentInput
            {
                Title = "Avviso del servizio " + servizio, Slug = ContentTestExtensions.UniqueSlug("servizio"), Servizio = servizio,
            }, [new NewAttachment("manuale.pdf", new MemoryStream(TestFiles.Pdf()), "Manuale")], "test");
            await s.PublishAsync(avviso.Id, null, "test");
            var f = await s.CreateAsync(ContentTypes.Finestra, new ContentInput
            {
                Title = "Finestra", AvvisoId = avviso.Id, OpensAt = new DateTime(2030, 1, 10, 9, 0, 0), ClosesAt = new DateTime(2030, 2, 10, 9, 0, 0),
                Parametri = parametri,
            }, [], "test");
            await s.PublishAsync(f.Id, null, "test");
            return (avviso.Id, f.Id, servizio);
        });
    }

    private Task<ServiceFinestra?> OfServiceAsync(Guid finestra, string servizio) => portal.InScopeAsync(sp =>
        sp.GetRequiredService<IFinestre>().OfServiceAsync(finestra, new ServiceDeclaration(servizio, [Soglia, Posti, Ufficio])));

    [Fact]
    public async Task A_window_of_the_service_comes_with_its_Avviso_documents_and_typed_parameters()
    {
        var (avviso, finestra, servizio) = await CreateAsync("soglia=15.748,78\nposti=20\nufficio=Servizi sociali\naltro=ignorato");
        var f = await OfServiceAsync(finestra, servizio.ToUpperInvariant());
        Assert.NotNull(f);
        Assert.Equal(avviso, f.Avviso.Id);
        Assert.Equal(servizio, f.Avviso.Servizio);
        var manuale = Assert.Single(f.Avviso.Documents);
        Assert.Equal("Manuale", manuale.Title);
        Assert.Equal($"/allegati/{manuale.FileId}/manuale.pdf", manuale.DownloadUrl);
        Assert.Equal(15748.78m, f.Parameters.Get(Soglia));
        Assert.Equal(20, f.Parameters.Get(Posti));
        Assert.Equal("Servizi sociali", f.Parameters.Get(Ufficio));
        Assert.Empty(f.Parameters.Unreadable);
    }

    [Fact]
    public async Task A_missing_or_unreadable_parameter_has_its_declared_default()
    {
        var (_, finestra, servizio) = await CreateAsync("soglia=tanti\nposti=1.5");
        var f = await OfServiceAsync(finestra, servizio);
        Assert.NotNull(f);
        Assert.Equal(100m, f.Parameters.Get(Soglia));
        Assert.Null(f.Parameters.Get(Posti));
        Assert.Equal("URP", f.Parameters.Get(Ufficio));
        Assert.Equal([Soglia.Name, Posti.Name], f.Parameters.Unreadable.Select(p => p.Name));
    }

    [Fact]
    public async Task A_window_of_another_service_is_not_the_services()
    {
        var (_, finestra, servizio) = await CreateAsync("posti=3");
        Assert.Null(await OfServiceAsync(finestra, servizio + "-altro"));
        Assert.Null(await OfServiceAsync(Guid.NewGuid(), servizio));
    }

    [Fact]
    public async Task The_Avvisi_of_a_service_are_the_published_ones_that_open_it()
    {
        var (avviso, _, servizio) = await CreateAsync("");
        var avvisi = await portal.InScopeAsync(sp => sp.GetRequiredService<IFinestre>().AvvisiOfServiceAsync(servizio));
        Assert.Equal(avviso, Assert.Single(avvisi).Id);
        Assert.Empty(await portal.InScopeAsync(sp => sp.GetRequiredService<IFinestre>().AvvisiOfServiceAsync(servizio + "-altro")));
    }
}

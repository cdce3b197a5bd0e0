using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Documents;
using Portal.Bonus.Data;
using Portal.Bonus.Services;
using Portal.Bonus.Workflow;
using Portal.Core.Data;
using Portal.Core.Files;
using Portal.Core.Recipes;
using Portal.Core.Security;
using Portal.Core.Time;
using Portal.Workflows.Engine;

namespace Portal.Bonus.Recipes;

/// <summary>
/// "bonusDomandeDemo": { "bando": "BONUS_DDI_2021", "items": [ { "persona" (CF of a person of the recipe), "comuneIstat",
/// "figlio": { "codiceFiscale", "nome", "cognome", "livello", "istituto" }, "iseeValore", "sezioni": [codes saved]
/// ("tutte" for all), "allegato": true, "invia": true } ] }. Demo applications at different steps; one sent is protocolled
/// and gets its receipt from the outbox like any other. A person who already has an application for the call is skipped.
/// </summary>
internal sealed class DomandeDemoStep(BonusDbContext db, IPeople people, IFileStore files, IUnitOfWork unitOfWork, IWorkflowEngine engine,
    DomandaInvio invio, IPdfRenderer pdfs, TimeProvider clock) : IRecipeStep
{
    public string Name => "bonusDomandeDemo";

    private sealed record FiglioDef(string CodiceFiscale, string Nome, string Cognome, string Livello, string Istituto);

    private sealed record ItemDef(string Persona, string ComuneIstat, FiglioDef Figlio, decimal IseeValore, List<string> Sezioni, bool Allegato, bool Invia);

    private sealed record StepDef(string Bando, List<ItemDef> Items);

    public async Task ExecuteAsync(RecipeStepContext context, JsonElement step, CancellationToken ct)
    {
        var def = RecipeJson.Read<StepDef>(step, "bonusDomandeDemo");
        var bando = await db.Bandi.AsNoTracking().FirstOrDefaultAsync(b => b.Codice == def.Bando, ct)
            ?? throw new RecipeException($"bonusDomandeDemo: il bando «{def.Bando}» non esiste (va creato prima con «bonusBandi»).");
        foreach (var item in def.Items)
        {
            var person = await people.FindByCodiceFiscaleAsync(item.Persona, ct)
                ?? throw new RecipeException($"bonusDomandeDemo: la persona {item.Persona} non esiste.");
            if (await db.Domande.AnyAsync(d => d.PersonId == person.Id && d.BandoId == bando.Id, ct))
            {
                context.Log.Add($"Domanda demo di {person.CodiceFiscale}: già presente");
                continue;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(RomeTime.ToRome(now));
            var all = item.Sezioni.Contains("tutte");
            bool Has(SezioniDomanda s) => all || item.Sezioni.Contains(DomandaLabels.Codice(s));
            var d = new Domanda
            {
                BandoId = bando.Id, BandoVersione = bando.Versione, PersonId = person.Id, Stato = StatoDomanda.Bozza,
                CodiceFiscale = person.CodiceFiscale, Nome = person.Nome, Cognome = person.Cognome, ComuneResidenzaIstat = item.ComuneIstat,
                Email = person.Email, CreatedUtc = now, UpdatedUtc = now,
            };
            if (Has(SezioniDomanda.Richiedente)) { d.Ruolo = RuoloRichiedente.Genitore; d.ConviveConFigli = true; d.SezioniSalvate |= SezioniDomanda.Richiedente; }
            if (Has(SezioniDomanda.Nucleo))
            {
                d.Componenti.Add(new ComponenteNucleo { CodiceFiscale = item.Figlio.CodiceFiscale, Nome = item.Figlio.Nome, Cognome = item.Figlio.Cognome, Relazione = RelazioneNucleo.Figlio });
                d.SezioniSalvate |= SezioniDomanda.Nucleo;
            }
            if (Has(SezioniDomanda.Figli))
            {
                d.Figli.Add(new FiglioStudente { CodiceFiscale = item.Figlio.CodiceFiscale, Nome = item.Figlio.Nome, Cognome = item.Figlio.Cognome,
                    Livello = Enum.Parse<LivelloStudio>(item.Figlio.Livello, true), Istituto = item.Figlio.Istituto });
                d.SezioniSalvate |= SezioniDomanda.Figli;
            }
            if (Has(SezioniDomanda.Isee))
            {
                (d.IseeValore, d.IseeTipo, d.IseeProtocolloDsu, d.IseeDataRilascio) = (item.IseeValore, TipoIsee.Corrente, $"INPS-ISEE-{today.Year}-00012345A-00", today.AddDays(-3));
                d.SezioniSalvate |= SezioniDomanda.Isee;
            }
            if (Has(SezioniDomanda.Occupazione)) { (d.Condizione, d.CondizioneFonte) = (CondizioneOccupazionale.Occupato, "Dichiarata dal richiedente"); d.SezioniSalvate |= SezioniDomanda.Occupazione; }
            if (Has(SezioniDomanda.Dispositivo))
            {
                var importo = bando.Regole.Importi[0];
                (d.Dispositivo, d.ImportoRichiesto) = (importo.Codice, importo.Importo);
                d.SezioniSalvate |= SezioniDomanda.Dispositivo;
            }
            if (Has(SezioniDomanda.Dichiarazioni))
            {
                d.Dichiarazioni = string.Join(',', bando.Regole.Dichiarazioni.Select(x => x.Codice));
                d.SezioniSalvate |= SezioniDomanda.Dichiarazioni;
            }
            var user = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, person.FullName), new Claim(PortalClaims.PersonId, person.Id.ToString()),
                new Claim(PortalClaims.CodiceFiscale, person.CodiceFiscale), new Claim(PortalClaims.Role, PortalRoles.Cittadino),
            ], "recipe"));
            await using (var work = await unitOfWork.BeginAsync(ct))
            {
                if (item.Allegato)
                {
                    var pdf = AttestazioneDemo(person.FullName, person.CodiceFiscale, item.IseeValore, now);
                    var stored = await files.AddAsync("attestazione-isee.pdf", new MemoryStream(pdf),
                        BandoValidation.PolicyOf(bando.Regole.Allegati.First(a => a.Codice == "isee")), context.RunBy, ct);
                    (d.IseeFileId, d.IseeFileName, d.IseeFileLength, d.IseeFileSha256, d.IseeCaricatoUtc) = (stored.Id, stored.FileName, stored.Length, stored.Sha256, now);
                }
                db.Domande.Add(d);
                await db.SaveChangesAsync(ct);
                var started = await engine.StartAsync(new WorkflowStart(DomandaWorkflow.DefinitionCode, d.Id.ToString(), person.Id, null,
                    WorkflowActor.From(user), "Domanda dimostrativa"), ct);
                if (!started.Succeeded) throw new RecipeException($"bonusDomandeDemo: {started.Error}");
                d.WorkflowInstanceId = started.Instance!.Id;
                await db.SaveChangesAsync(ct);
                await work.CompleteAsync(ct);
            }
            db.ChangeTracker.Clear();
            if (item.Invia)
            {
                var esito = await invio.SendAsync(user, d.Id, $"demo:{d.Id}", ct);
                if (esito.Domanda is null)
                    throw new RecipeException($"bonusDomandeDemo: la domanda di {person.CodiceFiscale} non è completa: {string.Join("; ", esito.Mancanti.Select(m => m.Messaggio))}");
            }
            context.Log.Add($"Domanda demo di {person.CodiceFiscale}: {(item.Invia ? "inviata" : "in bozza")}");
        }
    }

    /// <summary>A one-page PDF standing in for the INPS attestation, marked as demo data.</summary>
    private byte[] AttestazioneDemo(string name, string cf, decimal isee, DateTime nowUtc) =>
        pdfs.Render(new PdfDocument(new PdfInfo("Attestazione ISEE – documento dimostrativo", "Dati di prova", "Portale dei servizi", nowUtc))
            .Text("Attestazione ISEE – documento dimostrativo (dati di prova)", size: 12)
            .Text($"Dichiarante: {name} ({cf})", size: 12)
            .Text($"ISEE corrente: {RomeTime.FormatEuro(isee)}", size: 12));
}

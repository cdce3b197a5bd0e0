using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Core.Text;
using Portal.Core.Time;
using Portal.Core.Validation;
using CF = Portal.Core.Validation.CodiceFiscale;

namespace Portal.Bonus.Services;

/// <summary>
/// The eligibility rules of art. 2 and the form rules, section by section, with the Italian message for each field.
/// Each method applies a valid section to the Domanda, or returns the errors and leaves the Domanda as it was.
/// </summary>
internal static partial class SezioniValidation
{
    public const int MassimoComponenti = 20;

    public static Dictionary<string, string> Richiedente(Domanda d, RichiedenteInput input, DateOnly today, bool residenteInRegione,
        string? comuneResidenza, string regione, BandoRegole regole)
    {
        var e = new Dictionary<string, string>();
        if (d.ComuneResidenzaIstat is null && comuneResidenza is null)
            e["comuneResidenza"] = "Nell'Anagrafica manca il Comune di residenza: completala e salvala, poi torna a questa sezione.";
        else if (regole.ResidenzaInRegione && !residenteInRegione)
            e["comuneResidenza"] = $"Il contributo è riservato ai residenti in {regione} (art. 2): nell'Anagrafica risulti residente fuori regione.";
        if (!Enum.TryParse<RuoloRichiedente>(input.Ruolo, true, out var ruolo) || !Enum.IsDefined(ruolo))
            e["ruolo"] = "Indica se sei genitore, tutore legale, genitore affidatario o adottivo: solo loro possono chiedere il contributo (art. 2).";
        else if (ruolo is RuoloRichiedente.GenitoreAffidatario or RuoloRichiedente.GenitoreAdottivo)
        {
            if (input.DataIngressoFiglio is null)
                e["dataIngressoFiglio"] = "Per il genitore affidatario o adottivo indica la data di ingresso del figlio nel nucleo familiare.";
            else if (input.DataIngressoFiglio >= today)
                e["dataIngressoFiglio"] = "Il figlio deve essere entrato nel nucleo familiare prima della data della domanda (art. 2).";
        }
        if (input.ConviveConFigli != true)
            e["conviveConFigli"] = "Il contributo lo chiede il genitore che convive con il figlio: in caso di genitori separati, quello con cui il figlio vive (art. 2).";
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && !EmailAddress.IsValid(email)) e["email"] = "L'indirizzo e-mail non è valido.";
        var telefono = string.IsNullOrWhiteSpace(input.Telefono) ? null : input.Telefono.Trim();
        if (telefono is not null && !PhonePattern().IsMatch(telefono)) e["telefono"] = "Il numero di telefono può contenere solo cifre, spazi e un «+» iniziale (da 6 a 15 cifre).";
        if (e.Count > 0) return e;
        d.Ruolo = ruolo;
        d.DataIngressoFiglio = ruolo is RuoloRichiedente.GenitoreAffidatario or RuoloRichiedente.GenitoreAdottivo ? input.DataIngressoFiglio : null;
        d.ConviveConFigli = true;
        if (comuneResidenza is not null) d.ComuneResidenzaIstat = comuneResidenza;
        d.Email = email;
        d.Telefono = telefono;
        return e;
    }

    public static Dictionary<string, string> Nucleo(Domanda d, NucleoInput input)
    {
        var e = new Dictionary<string, string>();
        var list = input.Componenti ?? [];
        if (list.Count == 0) e["componenti"] = "Indica i componenti del nucleo familiare (almeno il figlio studente).";
        if (list.Count > MassimoComponenti) e["componenti"] = $"Al massimo {MassimoComponenti} componenti.";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<ComponenteNucleo>();
        for (var i = 0; i < Math.Min(list.Count, MassimoComponenti); i++)
        {
            var c = list[i];
            var key = $"componenti[{i}]";
            if (c is null)
            {
                e[key] = $"Il componente n. {i + 1} è vuoto: indica codice fiscale, nome, cognome e relazione, oppure toglilo dall'elenco.";
                continue;
            }
            var cf = Normalize(c.CodiceFiscale);
            if (cf is null) e[$"{key}.codiceFiscale"] = "Il codice fiscale è obbligatorio.";
            else if (!CF.IsValid(cf)) e[$"{key}.codiceFiscale"] = "Il codice fiscale non è valido: controlla i 16 caratteri.";
            else if (cf == d.CodiceFiscale) e[$"{key}.codiceFiscale"] = "Il richiedente è già nel nucleo: elenca solo gli altri componenti.";
            else if (!seen.Add(cf)) e[$"{key}.codiceFiscale"] = "Questo codice fiscale compare due volte.";
            var nome = Name(c.Nome, $"{key}.nome", "Il nome", e);
            var cognome = Name(c.Cognome, $"{key}.cognome", "Il cognome", e);
            if (!Enum.TryParse<RelazioneNucleo>(c.Relazione, true, out var relazione) || !Enum.IsDefined(relazione))
                e[$"{key}.relazione"] = "Indica la relazione con il richiedente: coniuge, figlio o altro.";
            if (cf is not null && nome is not null && cognome is not null)
                parsed.Add(new ComponenteNucleo { CodiceFiscale = cf, Nome = nome, Cognome = cognome, Relazione = relazione, Ordine = i });
        }
        if (e.Count > 0) return e;
        d.Componenti.Clear();
        d.Componenti.AddRange(parsed);
        return e;
    }

    public static Dictionary<string, string> Figli(Domanda d, FigliInput input, BandoRegole regole)
    {
        var e = new Dictionary<string, string>();
        var list = input.Figli ?? [];
        if (!d.Salvata(SezioniDomanda.Nucleo)) e["figli"] = "Prima salva la sezione «Nucleo familiare»: ogni figlio deve esserne componente.";
        if (list.Count < regole.MinimoFigliStudenti)
            e["figli"] = "Serve almeno un figlio studente del primo o del secondo ciclo di istruzione (anche IeFP) o di un percorso terziario: università, AFAM, ITS, IFTS (art. 2).";
        if (list.Count > MassimoComponenti) e["figli"] = $"Al massimo {MassimoComponenti} figli.";
        var figliNelNucleo = d.Componenti.Where(c => c.Relazione == RelazioneNucleo.Figlio).Select(c => c.CodiceFiscale).ToHashSet(StringComparer.Ordinal);
        var ammessi = regole.LivelliStudioAmmessi.Select(l => Enum.Parse<LivelloStudio>(l, true)).ToHashSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<FiglioStudente>();
        for (var i = 0; i < Math.Min(list.Count, MassimoComponenti); i++)
        {
            var f = list[i];
            var key = $"figli[{i}]";
            if (f is null)
            {
                e[key] = $"Il figlio n. {i + 1} è vuoto: indica codice fiscale, nome, cognome, percorso di studio e istituto, oppure toglilo dall'elenco.";
                continue;
            }
            var cf = Normalize(f.CodiceFiscale);
            if (cf is null) e[$"{key}.codiceFiscale"] = "Il codice fiscale del figlio è obbligatorio.";
            else if (!CF.IsValid(cf)) e[$"{key}.codiceFiscale"] = "Il codice fiscale non è valido: controlla i 16 caratteri.";
            else if (!seen.Add(cf)) e[$"{key}.codiceFiscale"] = "Questo figlio compare due volte.";
            else if (d.Salvata(SezioniDomanda.Nucleo) && !figliNelNucleo.Contains(cf))
                e[$"{key}.codiceFiscale"] = "Il figlio deve far parte del nucleo familiare: aggiungilo nella sezione «Nucleo familiare» come figlio, con lo stesso codice fiscale.";
            var nome = Name(f.Nome, $"{key}.nome", "Il nome", e);
            var cognome = Name(f.Cognome, $"{key}.cognome", "Il cognome", e);
            LivelloStudio livello = default;
            if (!Enum.TryParse(f.Livello, true, out livello) || !Enum.IsDefined(livello))
                e[$"{key}.livello"] = "Indica il percorso di studio: primo ciclo, secondo ciclo, IeFP, università, AFAM, ITS o IFTS.";
            else if (!ammessi.Contains(livello))
                e[$"{key}.livello"] = $"Il percorso «{DomandaLabels.Livello(livello)}» non è tra quelli previsti dal bando.";
            var istituto = string.IsNullOrWhiteSpace(f.Istituto) ? null : f.Istituto.Trim();
            if (istituto is null) e[$"{key}.istituto"] = "Indica la scuola, l'università o l'istituzione frequentata.";
            else if (istituto.Length > 300) e[$"{key}.istituto"] = "Al massimo 300 caratteri.";
            if (cf is not null && nome is not null && cognome is not null && istituto is not null)
                parsed.Add(new FiglioStudente { CodiceFiscale = cf, Nome = nome, Cognome = cognome, Livello = livello, Istituto = istituto, Ordine = i });
        }
        if (e.Count > 0) return e;
        d.Figli.Clear();
        d.Figli.AddRange(parsed);
        return e;
    }

    public static Dictionary<string, string> Isee(Domanda d, IseeInput input, DateOnly today, BandoRegole regole)
    {
        var e = new Dictionary<string, string>();
        decimal valore = 0;
        var letto = input.Valore is { } v && (v.ValueKind == JsonValueKind.Number ? v.TryGetDecimal(out valore)
            : v.ValueKind == JsonValueKind.String && ItalianNumbers.TryParseEuro(v.GetString(), out valore));
        if (!letto) e["valore"] = "Indica il valore ISEE in euro, ad esempio 12.345,67.";
        else if (valore < 0) e["valore"] = "Il valore ISEE non può essere negativo.";
        else if (decimal.Round(valore, 2) != valore) e["valore"] = "Il valore ISEE ha al massimo due decimali.";
        else if (valore > regole.IseeMassimo)
            e["valore"] = $"Il contributo è riservato ai nuclei con ISEE minore o uguale a {RomeTime.FormatEuro(regole.IseeMassimo)} (art. 2).";
        TipoIsee tipo = default;
        if (!Enum.TryParse(input.Tipo, true, out tipo) || !Enum.IsDefined(tipo))
            e["tipo"] = "Indica il tipo di ISEE: ordinario o corrente.";
        else if (!regole.TipiIseeAmmessi.Contains(DomandaLabels.Isee(tipo)))
            e["tipo"] = $"Il bando ammette solo l'ISEE {string.Join(" o ", regole.TipiIseeAmmessi)}.";
        var dsu = input.ProtocolloDsu?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(dsu)) e["protocolloDsu"] = "Indica il numero di protocollo della DSU riportato sull'attestazione (es. INPS-ISEE-2021-00123456A-00).";
        else if (!DsuPattern().IsMatch(dsu)) e["protocolloDsu"] = "Il protocollo della DSU ha la forma INPS-ISEE-anno-numero-progressivo, ad esempio INPS-ISEE-2021-00123456A-00.";
        if (input.DataRilascio is not { } rilascio) e["dataRilascio"] = "Indica la data di rilascio dell'attestazione ISEE.";
        else if (rilascio > today) e["dataRilascio"] = "La data di rilascio non può essere futura.";
        else if (e.ContainsKey("tipo") is false && Scadenza(tipo, rilascio) < today)
            e["dataRilascio"] = $"L'attestazione ISEE {DomandaLabels.Isee(tipo)} rilasciata il {rilascio.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} è scaduta il {Scadenza(tipo, rilascio).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}: serve un'attestazione in corso di validità (art. 2).";
        if (e.Count > 0) return e;
        d.IseeValore = valore;
        d.IseeTipo = tipo;
        d.IseeProtocolloDsu = dsu;
        d.IseeDataRilascio = input.DataRilascio;
        return e;
    }

    /// <summary>The ordinary ISEE is valid until 31 December of the year it was issued; the current ISEE for six months.</summary>
    public static DateOnly Scadenza(TipoIsee tipo, DateOnly rilascio) =>
        tipo == TipoIsee.Ordinario ? new DateOnly(rilascio.Year, 12, 31) : rilascio.AddMonths(6).AddDays(-1);

    public const string DichiarataDalRichiedente = "Dichiarata dal richiedente";

    /// <summary>The CPI's source is kept only when the declared condition is the one the DID module answers.</summary>
    public static Dictionary<string, string> Occupazione(Domanda d, OccupazioneInput input, (CondizioneOccupazionale Condizione, string Fonte)? did)
    {
        var e = new Dictionary<string, string>();
        if (!Enum.TryParse<CondizioneOccupazionale>(input.Condizione, true, out var c) || !Enum.IsDefined(c))
            e["condizione"] = "Indica la tua condizione occupazionale: occupato o disoccupato ai sensi del D.lgs. 150/2015.";
        if (e.Count > 0) return e;
        d.Condizione = c;
        d.CondizioneFonte = did is { } x && x.Condizione == c ? x.Fonte : DichiarataDalRichiedente;
        return e;
    }

    public static Dictionary<string, string> Dispositivo(Domanda d, DispositivoInput input, BandoRegole regole)
    {
        var e = new Dictionary<string, string>();
        var importo = regole.Importi.FirstOrDefault(i => string.Equals(i.Codice, input.Dispositivo?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (importo is null)
            e["dispositivo"] = $"Scegli il dispositivo: {string.Join(" o ", regole.Importi.Select(i => $"{i.Descrizione} ({RomeTime.FormatEuro(i.Importo)})"))} (art. 3.1).";
        if (e.Count > 0) return e;
        d.Dispositivo = importo!.Codice;
        d.ImportoRichiesto = importo.Importo;
        return e;
    }

    public static Dictionary<string, string> Dichiarazioni(Domanda d, DichiarazioniInput input, BandoRegole regole)
    {
        var e = new Dictionary<string, string>();
        var list = input.Accettate ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null) e[$"accettate[{i}]"] = $"La dichiarazione n. {i + 1} è vuota: indica il codice della dichiarazione accettata, oppure toglila dall'elenco.";
        var accettate = list.OfType<string>().Select(a => a.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in accettate.Where(a => regole.Dichiarazioni.All(x => x.Codice != a)))
            e["accettate"] = $"Dichiarazione sconosciuta: «{Truncate(unknown)}».";
        foreach (var x in regole.Dichiarazioni.Where(x => x.Obbligatoria && !accettate.Contains(x.Codice)))
            e[$"dichiarazioni.{x.Codice}"] = "Questa dichiarazione è obbligatoria per presentare la domanda.";
        if (e.Count > 0) return e;
        d.Dichiarazioni = string.Join(',', regole.Dichiarazioni.Where(x => accettate.Contains(x.Codice)).Select(x => x.Codice));
        return e;
    }

    private static string? Normalize(string? cf) => string.IsNullOrWhiteSpace(cf) ? null : cf.Trim().ToUpperInvariant();

    private static string? Name(string? value, string key, string what, Dictionary<string, string> e)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { e[key] = $"{what} è obbligatorio."; return null; }
        if (v.Length > 100 || v.Any(char.IsControl)) { e[key] = $"{what} ha al massimo 100 caratteri, senza caratteri di controllo."; return null; }
        return v;
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex(@"^INPS-ISEE-\d{4}-[0-9A-Z]{5,12}-\d{2}$")]
    private static partial Regex DsuPattern();

    [GeneratedRegex(@"^\+?[0-9 ]{6,20}$")]
    private static partial Regex PhonePattern();
}

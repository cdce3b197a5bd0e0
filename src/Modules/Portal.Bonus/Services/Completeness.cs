namespace Portal.Bonus.Services;

/// <summary>
/// What an application still lacks before it can be sent, section by section: sections never saved, the ISEE attestation,
/// and the rules that depend on more than one section or on the day of sending (a child not in the household, an ISEE that
/// has expired, a declaration the call added after the section was saved).
/// </summary>
internal static class Completeness
{
    public static List<Mancanza> Check(Domanda d, BandoRegole regole, DateOnly today)
    {
        var m = new List<Mancanza>();
        void Add(SezioniDomanda s, string messaggio) =>
            m.Add(new Mancanza(DomandaLabels.Codice(s), DomandaLabels.Titolo(s), messaggio, $"/bonus/domande/{d.Id}#sezione-{DomandaLabels.Codice(s)}"));
        foreach (var (s, _, titolo) in DomandaLabels.Sezioni)
            if (!d.Salvata(s)) Add(s, $"La sezione «{titolo}» non è stata salvata.");
        if (d.Salvata(SezioniDomanda.Figli) && d.Salvata(SezioniDomanda.Nucleo))
        {
            var figli = d.Componenti.Where(c => c.Relazione == RelazioneNucleo.Figlio).Select(c => c.CodiceFiscale).ToHashSet();
            foreach (var f in d.Figli.Where(f => !figli.Contains(f.CodiceFiscale)))
                Add(SezioniDomanda.Figli, $"Il figlio {f.Nome} {f.Cognome} non è tra i figli del nucleo familiare.");
        }
        if (d.Salvata(SezioniDomanda.Isee) && d.IseeTipo is { } tipo && d.IseeDataRilascio is { } rilascio)
        {
            if (SezioniValidation.Scadenza(tipo, rilascio) < today) Add(SezioniDomanda.Isee, "L'attestazione ISEE è scaduta: aggiorna i dati con un'attestazione in corso di validità.");
            if (d.IseeValore > regole.IseeMassimo) Add(SezioniDomanda.Isee, "Il valore ISEE supera il limite del bando.");
        }
        if (d.Salvata(SezioniDomanda.Dichiarazioni))
        {
            var accettate = d.DichiarazioniAccettate;
            if (regole.Dichiarazioni.Any(x => x.Obbligatoria && !accettate.Contains(x.Codice)))
                Add(SezioniDomanda.Dichiarazioni, "Manca una dichiarazione obbligatoria: salva di nuovo la sezione.");
        }
        if (d.Salvata(SezioniDomanda.Dispositivo) && regole.Importi.All(i => i.Codice != d.Dispositivo))
            Add(SezioniDomanda.Dispositivo, "Il dispositivo scelto non è più previsto dal bando: scegline un altro.");
        if (d.IseeFileId is null && regole.Allegati.Any(a => a.Codice == "isee" && a.Obbligatorio))
            m.Add(new Mancanza("allegati", "Attestazione ISEE", "Manca l'attestazione ISEE (PDF, TIF o JPG).", $"/bonus/domande/{d.Id}#sezione-allegati"));
        return m;
    }
}

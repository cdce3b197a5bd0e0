namespace Portal.Graduatorie.Services;

public sealed record GraduatoriaDettaglio(GraduatoriaRegionale Graduatoria, IReadOnlyList<GraduatoriaPosizione> Posizioni, IReadOnlyDictionary<string, string> NomiComuni)
{
    public int Beneficiari => Posizioni.Count(p => p.Esito == EsitoPosizione.Beneficiario);
    public int Idonei => Posizioni.Count(p => p.Esito == EsitoPosizione.Idoneo);

    public string ComuneLabel(string istat) => NomiComuni.TryGetValue(istat, out var n) ? n : istat;
}

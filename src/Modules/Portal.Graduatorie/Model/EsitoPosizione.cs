namespace Portal.Graduatorie.Model;

public enum EsitoPosizione
{
    Beneficiario,
    Idoneo,
}

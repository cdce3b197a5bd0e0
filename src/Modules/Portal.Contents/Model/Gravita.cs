namespace Portal.Contents.Model;

/// <summary>How serious a service banner (AvvisoServizio) is.</summary>
public static class Gravita
{
    public const string Informazione = "informazione";
    public const string Attenzione = "attenzione";
    public const string Critico = "critico";

    public static readonly IReadOnlyList<string> All = [Informazione, Attenzione, Critico];
}

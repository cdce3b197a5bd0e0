namespace Portal.Bonus.Model;

/// <summary>The sections of the application form; each turns from red to green when saved.</summary>
[Flags]
public enum SezioniDomanda
{
    Nessuna = 0,
    Richiedente = 1,
    Nucleo = 2,
    Figli = 4,
    Isee = 8,
    Occupazione = 16,
    Dispositivo = 32,
    Dichiarazioni = 64,
    Tutte = Richiedente | Nucleo | Figli | Isee | Occupazione | Dispositivo | Dichiarazioni,
}

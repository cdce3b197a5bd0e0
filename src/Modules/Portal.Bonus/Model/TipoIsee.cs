namespace Portal.Bonus.Model;

public enum TipoIsee
{
    Ordinario,
    Corrente,
}

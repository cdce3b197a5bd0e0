namespace Portal.Bonus.Model;

public enum CondizioneOccupazionale
{
    Occupato,
    Disoccupato,
}

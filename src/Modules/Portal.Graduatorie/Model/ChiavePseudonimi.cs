namespace Portal.Graduatorie.Model;

/// <summary>The server secret of the pseudonymous codes (one row), created on first use.</summary>
public sealed class ChiavePseudonimi
{
    public int Id { get; set; }
    public required byte[] Chiave { get; set; }
    public DateTime CreatedUtc { get; set; }
}

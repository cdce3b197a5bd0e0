namespace Portal.Monitoraggio.Model;

/// <summary>One piece (up to 64 kB) of a feed's bytes: a feed is never held whole in memory, nor in one row.</summary>
public sealed class FlussoBlocco
{
    public Guid FlussoId { get; set; }
    public int Seq { get; set; }
    public required byte[] Data { get; set; }
}

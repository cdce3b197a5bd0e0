using System.Net;

namespace Portal.Core.Security;

/// <summary>Address ranges in CIDR notation (IPv4 and IPv6); a bare address is a one-address range.</summary>
public static class NetworkRanges
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        text = text.Trim();
        if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var single))
        {
            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }
        return IPNetwork.TryParse(text, out network);
    }

    /// <summary>An IPv4 client seen through a dual-stack socket (::ffff:a.b.c.d) matches IPv4 ranges too.</summary>
    public static bool Contains(IEnumerable<string> ranges, IPAddress? address)
    {
        if (address is null) return false;
        var candidates = address.IsIPv4MappedToIPv6 ? new[] { address, address.MapToIPv4() } : [address];
        foreach (var range in ranges)
        {
            if (TryParse(range, out var network) && candidates.Any(network.Contains)) return true;
        }
        return false;
    }
}

using System.Security.Cryptography.X509Certificates;

namespace Portal.DevIdp.Model;

/// <summary>The service provider as its metadata describes it.</summary>
public sealed record SpDescriptor(
    string EntityId,
    IReadOnlyDictionary<int, string> AssertionConsumerServices,
    int DefaultAcsIndex,
    IReadOnlyList<X509Certificate2> SigningCertificates,
    IReadOnlyList<string> RequestedAttributes,
    string ServiceName);

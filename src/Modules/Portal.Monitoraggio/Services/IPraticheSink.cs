using Portal.Monitoraggio.Validation;

namespace Portal.Monitoraggio.Services;

/// <summary>Where the valid lines of a feed being applied go, inside the processing's unit of work.</summary>
public interface IPraticheSink : IAsyncDisposable
{
    /// <summary>Takes one valid line; the row is reused by the validator after this returns.</summary>
    ValueTask AddAsync(FeedRow row, CancellationToken ct);

    /// <summary>Writes what is left: the practices and their history are then in the (uncommitted) unit.</summary>
    Task CompleteAsync(CancellationToken ct);

    /// <summary>Stops writing (an error or a warning was found): the unit is about to be rolled back.</summary>
    ValueTask AbortAsync();
}

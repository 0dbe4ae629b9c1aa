using KylinMock.Control;

namespace KylinMock.Http;

/// <summary>An armed error fault hit the request: answered with Kylin's envelope for the fault's code and status.</summary>
internal sealed class InjectedFault(FaultRule fault) : Exception(fault.Message)
{
    /// <summary>The fault.</summary>
    public FaultRule Fault { get; } = fault;
}

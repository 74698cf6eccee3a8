using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CallCenter.Node.Config;

/// <summary>This host's own addresses, for a node told to listen everywhere but to advertise one address.</summary>
internal static class LocalAddresses
{
    public static IPAddress? FirstNonLoopbackIPv4()
    {
        try
        {
            return NetworkInterface.GetAllNetworkInterfaces()
                .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(i => i.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        }
        catch (NetworkInformationException)
        {
            return null;
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// The Azurite table service every test of this assembly uses: the one already listening on 127.0.0.1:10002 (CI
/// starts it), else one started here from the repository's node_modules on a free port and stopped when the test
/// process exits. Each test keeps to its own tables (<see cref="StorageTest"/>), so tests share it in parallel.
/// </summary>
internal static class Azurite
{
    public const int DefaultPort = 10002;
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly Lazy<Task<int>> Port = new(ReuseOrStartAsync);
    private static Process? started;

    public static async Task<string> ConnectionStringAsync()
    {
        var port = await Port.Value;
        return $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    private static async Task<int> ReuseOrStartAsync()
    {
        if (await AcceptsConnectionsAsync(DefaultPort)) return DefaultPort;

        var root = RepositoryRoot.Find();
        var program = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        if (!File.Exists(program))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed and nothing listens on 127.0.0.1:{DefaultPort}: run `npm ci` in {root}, then test again.");
        }

        var port = LocalHttpServer.FreePort();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--inMemoryPersistence", "--tableHost", "127.0.0.1", "--tablePort", port.ToString(), "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(argument);

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        started = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var clock = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync(port))
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening: {errors}");
            if (clock.Elapsed > StartTimeout)
            {
                Stop();
                throw new InvalidOperationException($"Azurite did not listen on 127.0.0.1:{port} within {StartTimeout.TotalSeconds} s.");
            }
            await Task.Delay(200);
        }
        return port;
    }

    private static void Stop()
    {
        var process = Interlocked.Exchange(ref started, null);
        if (process is null) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
        process.Dispose();
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}

using System.Diagnostics;
using System.Net.Sockets;
using Azure.Core;
using Azure.Data.Tables;

namespace AfterSales.Azure.Tests.Support;

/// <summary>
/// An Azurite table service of one test's own, on a free port with its data in a temporary folder, so that the test
/// can stop it (a storage outage) and start it again with the data kept, without touching the shared one. Its
/// clients do not retry and give up on a request after two seconds, so an outage shows at once.
/// </summary>
public sealed class OwnAzurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string folder = Directory.CreateTempSubdirectory("aftersales-azurite-").FullName;
    private Process? process;

    private OwnAzurite() => Port = LocalHttpServer.FreePort();

    public int Port { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public static async Task<OwnAzurite> StartAsync()
    {
        var azurite = new OwnAzurite();
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>A client that fails fast while the service is down.</summary>
    public TableServiceClient Client()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.Mode = RetryMode.Fixed;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(2);
        return new TableServiceClient(ConnectionString, options);
    }

    public async Task StartAgainAsync()
    {
        var program = Path.Combine(RepositoryRoot.Find(), "node_modules", ".bin", "azurite-table");
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--location", folder, "--tableHost", "127.0.0.1", "--tablePort", Port.ToString(), "--skipApiVersionCheck", "--disableTelemetry", "--silent" })
            start.ArgumentList.Add(argument);
        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!await ListensAsync())
        {
            if (process.HasExited) throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new InvalidOperationException("Azurite did not start within 30 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>Stops it as a host shutdown would (SIGINT: Azurite saves its data and exits), and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false } running) return;
        using (var kill = Process.Start("kill", ["-INT", running.Id.ToString()])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await running.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            running.Kill(entireProcessTree: true);
        }
        running.Dispose();
        process = null;
        while (await ListensAsync()) await Task.Delay(100);
    }

    private async Task<bool> ListensAsync()
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(System.Net.IPAddress.Loopback, Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held: the temporary folder is cleaned by the system.
        }
    }
}

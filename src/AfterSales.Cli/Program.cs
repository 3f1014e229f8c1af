using System.Text;
using AfterSales.Cli;

// A month's timeline is millions of lines: write them through a buffer, not a system call per line.
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
var exit = AfterSalesCommand.Create(output, Console.Error, TimeProvider.System).Parse(args).Invoke();
output.Flush();
return exit;

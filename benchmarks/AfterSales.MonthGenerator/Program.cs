using System.Globalization;
using AfterSales.MonthGenerator;

// dotnet run -c Release --project benchmarks/AfterSales.MonthGenerator -- 10000 > month-10k.jsonl
var tickets = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2026;
using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
var written = new MonthOfTickets(tickets, seed).Write(output);
Console.Error.WriteLine($"{tickets} tickets, {written} events");

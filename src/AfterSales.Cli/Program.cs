using AfterSales.Cli;

return AfterSalesCommand.Create(Console.Out, Console.Error, TimeProvider.System).Parse(args).Invoke();

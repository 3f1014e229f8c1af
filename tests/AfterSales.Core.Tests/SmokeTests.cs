namespace AfterSales.Core.Tests;

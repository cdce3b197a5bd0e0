using BenchmarkDotNet.Running;
using Portal.Bench;

// dotnet run -c Release --project bench/Portal.Bench -- receipt
// dotnet run -c Release --project bench/Portal.Bench -- protocol [total] [tasks]
// dotnet run -c Release --project bench/Portal.Bench -- elenco [runs]
// dotnet run -c Release --project bench/Portal.Bench -- wide-row [runs] [cells]
// dotnet run -c Release --project bench/Portal.Bench -- monitoraggio [lines]   (PostgreSQL: PORTAL_TEST_POSTGRES, psql)
// dotnet run -c Release --project bench/Portal.Bench -- bonus [citizens] [tasks] [solo-invii]   (solo-invii: no outbox dispatcher during the sends)
// dotnet run -c Release --project bench/Portal.Bench -- avvisi [total]   (PORTAL_TEST_PROVIDER=Sqlite|Postgres)
switch (args.FirstOrDefault())
{
    case "protocol":
        await ProtocolLoad.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 2000, args.Length > 2 ? int.Parse(args[2]) : 32);
        break;
    case "elenco":
        await ElencoValidationLoad.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5);
        break;
    case "wide-row":
        await WideRowLoad.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 5, args.Length > 2 ? int.Parse(args[2]) : 4_000_000);
        break;
    case "monitoraggio":
        await MonitoraggioFeedLoad.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1_000_000);
        break;
    case "bonus":
        await BonusSendLoad.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 64,
            dispatcher: args.Length <= 3 || args[3] != "solo-invii");
        break;
    case "avvisi":
        await AvvisiListLoad.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 10_000);
        break;
    case "receipt":
        BenchmarkRunner.Run<ReceiptBenchmarks>(args: args[1..]);
        break;
    default:
        Console.WriteLine("Uso: receipt [opzioni BenchmarkDotNet] | protocol [totale] [task] | elenco [ripetizioni] | wide-row [ripetizioni] [celle] | monitoraggio [righe] | bonus [cittadini] [task] [solo-invii] | avvisi [totale]");
        break;
}

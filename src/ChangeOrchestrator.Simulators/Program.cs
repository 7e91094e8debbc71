using ChangeOrchestrator.Simulators;

// Runs the simulators alone: dotnet run --project src/ChangeOrchestrator.Simulators -- --urls http://127.0.0.1:5090
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSimulators(builder.Configuration);

var app = builder.Build();
app.MapSimulators();
app.Run();

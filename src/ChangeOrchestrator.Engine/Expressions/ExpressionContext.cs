using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>What an expression can read: <c>input</c>, <c>vars</c>, <c>steps</c>, <c>instance</c> and <c>now</c>.</summary>
public sealed record ExpressionContext(JsonObject Input, JsonObject Variables, JsonObject Steps, JsonObject Instance, DateTimeOffset Now);

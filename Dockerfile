# Builds the ChangeOrchestrator server image: Production, no sandbox, not root.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ChangeOrchestrator.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY workflows /app/workflows
COPY policies /app/policies
# The embedded SQLite default writes under /app/data: the only folder the runtime user may write.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
# Production: the sandbox (simulated service desks that can approve changes, printed admin credentials) stays off
# unless Sandbox__Enabled=true and Sandbox__AllowInProduction=true are both given.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Workflows__Folder=/app/workflows \
    Policies__Folder=/app/policies
EXPOSE 8080
# The unprivileged user the .NET images provide (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "ChangeOrchestrator.Server.dll"]

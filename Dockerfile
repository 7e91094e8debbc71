# Builds the ChangeOrchestrator server image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ChangeOrchestrator.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY workflows /app/workflows
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Workflows__Folder=/app/workflows
EXPOSE 8080
ENTRYPOINT ["dotnet", "ChangeOrchestrator.Server.dll"]

# syntax=docker/dockerfile:1
# Three images from one build: the MCP server (target "api": embedded, or a cluster's front end), a silo of a cluster
# (target "silo") and the HaloPSA simulator (target "halosim").
# Build: docker build --target api -t halomcp . ; docker build --target silo -t halomcp-silo . ;
#        docker build --target halosim -t halosim .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so that source edits do not invalidate the package layer.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/HaloSim/HaloSim.csproj src/HaloSim/
COPY src/Api/Api.csproj src/Api/
RUN dotnet restore src/Api/Api.csproj && dotnet restore src/Silo/Silo.csproj
COPY src/ src/
RUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /out/api \
 && dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o /out/silo \
 && dotnet publish src/HaloSim/HaloSim.csproj -c Release -o /out/halosim

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS api
WORKDIR /app
COPY --from=build /out/api .
# Inside a container the server must listen beyond loopback; AllowedHosts and Mcp:AllowedOrigins must then be set
# for the names clients use (see docker-compose.yml).
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    DOTNET_gcServer=0
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "HaloMcp.Api.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS silo
WORKDIR /app
COPY --from=build /out/silo .
# Silo-to-silo 11111, gateway (front ends) 30000; docs/cluster.md lists the settings.
ENV Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000 \
    Orleans__ListenAddress=0.0.0.0
EXPOSE 11111 30000
USER $APP_UID
ENTRYPOINT ["dotnet", "HaloMcp.Silo.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS halosim
WORKDIR /app
COPY --from=build /out/halosim .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "HaloMcp.HaloSim.dll"]

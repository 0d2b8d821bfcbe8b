# Three images from one build (docs/deploy.md):
#   --target api      the MCP front end (Streamable HTTP; stdio when HaloPSA credentials come in the environment)
#   --target silo     an Orleans silo of the cluster (the grains: all HaloPSA traffic)
#   --target halosim  the HaloPSA simulator (demo and smoke runs only)
# The base images are build arguments, defaulting to the official .NET images. A machine that reaches no image
# registry names local stand-ins instead (deploy/local-base.sh):
#   docker build --build-arg SDK_IMAGE=halomcp-local/dotnet-sdk:10.0 \
#                --build-arg RUNTIME_IMAGE=halomcp-local/dotnet-aspnet:10.0 --target api -t halomcp-api .
# No "syntax" directive and no BuildKit-only instruction: the same file builds with the legacy builder, which is
# what an engine without buildx (Debian's docker.io) runs.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore first, from the project files only, so that source edits do not invalidate the package layer.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Grains.Interfaces/Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/Grains.csproj src/Grains/
COPY src/Silo/Silo.csproj src/Silo/
COPY src/HaloSim/HaloSim.csproj src/HaloSim/
COPY src/Api/Api.csproj src/Api/
# The Api references the silo, grains and simulator projects: restoring it restores all five.
RUN dotnet restore src/Api/Api.csproj
COPY src/ src/
RUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /out/api \
 && dotnet publish src/Silo/Silo.csproj -c Release --no-restore -o /out/silo \
 && dotnet publish src/HaloSim/HaloSim.csproj -c Release --no-restore -o /out/halosim

# What the three images share: the non-root user, the secrets directory, no core dumps of secrets to disk.
FROM ${RUNTIME_IMAGE} AS runtime
# The official images' non-root user (uid 1654, named by APP_UID); a base image without one still runs as that uid.
ARG APP_UID=1654
WORKDIR /app
# Every file under /run/secrets (compose or swarm secrets) becomes a configuration key, "__" separating sections:
# a secret file named Orleans__SealingKey sets Orleans:SealingKey. A secret file wins over the environment.
ENV SecretsDirectory=/run/secrets \
    DOTNET_DbgEnableMiniDump=0
USER ${APP_UID}

FROM runtime AS api
COPY --from=build /out/api .
# Inside a container the server listens beyond loopback; AllowedHosts and Mcp:AllowedOrigins must then name what
# clients use (docker-compose.yml). HALOMCP_TRANSPORT=auto: with no command-line mode, the HaloPSA credentials of the
# reference servers' variables (HALOPSA_*, HALO_*, X_*) in the environment mean stdio, as in
#   docker run -i --rm -e HALO_INSTANCE_URL=... -e HALO_CLIENT_ID=... -e HALO_CLIENT_SECRET=... IMAGE
# and their absence means Streamable HTTP on 8080.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    HALOMCP_TRANSPORT=auto \
    DOTNET_gcServer=0
EXPOSE 8080
# Bash's /dev/tcp: the official runtime images have no curl or wget. /healthz answers without a key; the Host header
# is one the default AllowedHosts list and docker-compose.yml allow. (In stdio mode nothing listens: unhealthy.)
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "HaloMcp.Api.dll"]

FROM runtime AS silo
COPY --from=build /out/silo .
# A silo of a Redis cluster (docs/cluster.md): silo port 11111, gateway 30000 on every interface of the container.
# The deployment gives Orleans:Clustering, the tenants file and Orleans__AdvertisedAddress (the name other nodes reach
# this silo at: its compose host name).
ENV Orleans__ListenAddress=0.0.0.0 \
    Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000
EXPOSE 11111 30000
# Healthy once the gateway accepts connections: Orleans opens it when the silo has joined the cluster.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/30000"]
ENTRYPOINT ["dotnet", "HaloMcp.Silo.dll"]

FROM runtime AS halosim
COPY --from=build /out/halosim .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /_sim/stats HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "HaloMcp.HaloSim.dll"]

# KnowledgeLoop: the HTTP service (and the knowledgeloop command) in one image.
# Build: docker build -t knowledgeloop .     Run: docker run -p 8080:8080 -v kl-data:/data knowledgeloop

# --- build: restore with only the project files (cached while they don't change), then publish ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KnowledgeLoop.Core/KnowledgeLoop.Core.csproj src/KnowledgeLoop.Core/
COPY src/KnowledgeLoop.Infrastructure/KnowledgeLoop.Infrastructure.csproj src/KnowledgeLoop.Infrastructure/
COPY src/KnowledgeLoop.Api/KnowledgeLoop.Api.csproj src/KnowledgeLoop.Api/
COPY src/KnowledgeLoop.Cli/KnowledgeLoop.Cli.csproj src/KnowledgeLoop.Cli/
RUN dotnet restore src/KnowledgeLoop.Api/KnowledgeLoop.Api.csproj \
 && dotnet restore src/KnowledgeLoop.Cli/KnowledgeLoop.Cli.csproj
COPY src/ src/
COPY prompts/ prompts/
COPY samples/demo/ samples/demo/
RUN dotnet publish src/KnowledgeLoop.Api/KnowledgeLoop.Api.csproj -c Release --no-restore -o /app/api \
 && dotnet publish src/KnowledgeLoop.Cli/KnowledgeLoop.Cli.csproj -c Release --no-restore -o /app/cli

# --- runtime: ASP.NET Core runtime only, non-root ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/api ./
COPY --from=build /app/cli /app/cli
RUN printf '#!/bin/sh\nexec dotnet /app/cli/knowledgeloop.dll "$@"\n' > /usr/local/bin/knowledgeloop \
 && chmod 755 /usr/local/bin/knowledgeloop \
 && mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1 \
    KNOWLEDGELOOP__STORE__PATH=/data/knowledgeloop.db
VOLUME ["/data"]
EXPOSE 8080
# The image's own non-root user (uid 1654, "app").
USER $APP_UID
# The runtime image has no curl: bash's /dev/tcp speaks just enough HTTP to ask /health.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "KnowledgeLoop.Api.dll"]

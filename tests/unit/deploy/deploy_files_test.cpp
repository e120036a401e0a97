// The shipped deployment files, read as their tools would: compose and Kubernetes YAML parsed,
// Dockerfiles and ignore files read line by line, with the settings that matter asserted.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::string kRoot = AXIS_SOURCE_DIR;

std::string read(const std::string& relative) {
  std::ifstream in(kRoot + "/" + relative, std::ios::binary);
  EXPECT_TRUE(in) << relative;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& relative) {
  std::vector<std::string> out;
  std::istringstream in(read(relative));
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& wanted) {
  for (const auto& l : lines) {
    if (l == wanted) return true;
  }
  return false;
}

// The instructions of a Dockerfile's last stage (after its last FROM).
std::vector<std::string> last_stage(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    if (l.rfind("FROM ", 0) == 0) out.clear();
    out.push_back(l);
  }
  return out;
}

std::string env_value(const YAML::Node& container, const std::string& name) {
  for (const auto& e : container["env"]) {
    if (e["name"].as<std::string>() == name && e["value"]) return e["value"].as<std::string>();
  }
  return "";
}

TEST(DeployFilesTest, ServerImageIsMultiStageSlimNonRootWithHealthcheck) {
  const auto lines = lines_of("deploy/docker/server.Dockerfile");
  int stages = 0;
  for (const auto& l : lines) stages += l.rfind("FROM ", 0) == 0;
  EXPECT_GE(stages, 3);
  const auto runtime = last_stage(lines);
  EXPECT_EQ(runtime.front(), "FROM debian:bookworm-slim AS runtime");
  EXPECT_TRUE(has_line(runtime, "USER 1000:1000"));
  EXPECT_TRUE(has_line(runtime, "VOLUME [\"/app/data\"]"));
  EXPECT_TRUE(has_line(runtime, "EXPOSE 8500"));
  EXPECT_TRUE(has_line(runtime, "    AXIS_CUSTOM_DIR=/app/custom \\"));
  EXPECT_TRUE(has_line(runtime, "    PORT=8500 \\"));
  EXPECT_TRUE(has_line(runtime, "  CMD [\"/app/bin/axis-server\", \"healthcheck\"]"));
  EXPECT_TRUE(has_line(runtime, "ENTRYPOINT [\"/app/bin/axis-server\"]"));
  for (const auto& l : lines) {
    EXPECT_EQ(l.find("API_KEY"), std::string::npos) << "no secret in the image: " << l;
    EXPECT_EQ(l.find("PASSWORD"), std::string::npos) << l;
  }
}

// Found by building the image (scripts/image-test.sh): the server links hiredis, CMake needs
// tools/, and the binary copied out of the build tree must find libduckdb.so in /app/lib.
TEST(DeployFilesTest, ServerImageBuildsWhatTheServerLinksAndFindsItsDuckDb) {
  const auto lines = lines_of("deploy/docker/server.Dockerfile");
  const std::string text = read("deploy/docker/server.Dockerfile");
  EXPECT_NE(text.find("libhiredis-dev"), std::string::npos);
  EXPECT_TRUE(has_line(lines, "COPY tools/metric_bench.cpp tools/"));
  EXPECT_TRUE(has_line(lines, "      -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON \\"));
  EXPECT_TRUE(has_line(lines, "COPY --from=build /src/third_party/duckdb/lib/libduckdb.so /app/lib/libduckdb.so"));
  std::string runtime_text;
  for (const auto& l : last_stage(lines)) runtime_text += l + "\n";
  EXPECT_NE(runtime_text.find("libhiredis0.14"), std::string::npos);
}

TEST(DeployFilesTest, CustomImageBakesItsContextIntoTheCustomDirWithoutSecrets) {
  const auto lines = lines_of("deploy/docker/custom.Dockerfile");
  EXPECT_TRUE(has_line(lines, "ARG BASE_IMAGE=axis-server"));
  EXPECT_TRUE(has_line(lines, "FROM ${BASE_IMAGE}"));
  EXPECT_TRUE(has_line(lines, "COPY . /app/custom/"));  // AXIS_CUSTOM_DIR of the server image
  const auto ignore = lines_of("deploy/docker/custom.Dockerfile.dockerignore");
  for (const char* entry : {".env", ".env.*", "**/*.pem", "**/*.key"}) {
    EXPECT_TRUE(has_line(ignore, entry)) << "custom.Dockerfile.dockerignore lacks " << entry;
  }
}

TEST(DeployFilesTest, WebImageServesTheStaticBuildOn3500WithTheApiUrlFixedAtBuildTime) {
  const auto lines = lines_of("deploy/docker/web.Dockerfile");
  EXPECT_TRUE(has_line(lines, "ARG VITE_API_URL=\"\""));
  EXPECT_TRUE(has_line(lines, "ARG NEXT_PUBLIC_API_URL=\"\""));  // the deployment guide's name
  EXPECT_TRUE(has_line(lines, "ENV VITE_API_URL=${VITE_API_URL} NEXT_PUBLIC_API_URL=${NEXT_PUBLIC_API_URL}"));
  EXPECT_TRUE(has_line(lines, "RUN npx vite build"));
  const auto runtime = last_stage(lines);
  EXPECT_TRUE(has_line(runtime, "EXPOSE 3500"));
  EXPECT_TRUE(has_line(runtime, "USER 101:101"));
  const std::string site = read("deploy/docker/web-nginx.conf");
  EXPECT_NE(site.find("listen 3500;"), std::string::npos);
  EXPECT_NE(site.find("try_files $uri /index.html;"), std::string::npos);
}

TEST(DeployFilesTest, IgnoreFilesKeepSecretsAndBuildTreesOut) {
  for (const char* file : {".dockerignore", "deploy/docker/server.Dockerfile.dockerignore"}) {
    const auto lines = lines_of(file);
    for (const char* entry : {".env", ".env.*", "build/", "third_party/", "**/node_modules/", "custom/"}) {
      EXPECT_TRUE(has_line(lines, entry)) << file << " lacks " << entry;
    }
  }
  const auto web = lines_of("deploy/docker/web.Dockerfile.dockerignore");
  EXPECT_EQ(web.at(1), "*");
  EXPECT_TRUE(has_line(web, "!web/"));
  EXPECT_TRUE(has_line(web, "**/.env"));
}

TEST(DeployFilesTest, ComposeRunsTheFiveServicesWithHealthChecks) {
  const YAML::Node c = YAML::LoadFile(kRoot + "/deploy/compose/compose.yaml");
  for (const char* s : {"postgres", "falkordb", "server", "web", "proxy"}) EXPECT_TRUE(c["services"][s]) << s;
  const YAML::Node server = c["services"]["server"];
  EXPECT_EQ(server["build"]["dockerfile"].as<std::string>(), "deploy/docker/server.Dockerfile");
  EXPECT_EQ(server["environment"]["HOST"].as<std::string>(), "0.0.0.0");
  EXPECT_EQ(server["environment"]["GRAPH_DB_HOST"].as<std::string>(), "falkordb");
  EXPECT_EQ(server["healthcheck"]["test"][1].as<std::string>(), "/app/bin/axis-server");
  EXPECT_EQ(server["healthcheck"]["interval"].as<std::string>(), "30s");
  EXPECT_EQ(server["healthcheck"]["retries"].as<int>(), 3);
  EXPECT_EQ(server["volumes"][0].as<std::string>(), "../../custom:/app/custom:ro");
  EXPECT_EQ(server["depends_on"]["postgres"]["condition"].as<std::string>(), "service_healthy");
  EXPECT_EQ(c["services"]["proxy"]["ports"][1].as<std::string>(), "443:443");
  EXPECT_EQ(c["services"]["web"]["build"]["args"]["VITE_API_URL"].as<std::string>(), "");
}

TEST(DeployFilesTest, ProductionOverrideDropsSourceMountsAndUsesNamedVolumes) {
  const YAML::Node p = YAML::LoadFile(kRoot + "/deploy/compose/compose.prod.yaml");
  const YAML::Node server = p["services"]["server"];
  EXPECT_EQ(server["volumes"].Tag(), "!override");
  ASSERT_EQ(server["volumes"].size(), 2u);
  EXPECT_EQ(server["volumes"][0].as<std::string>(), "axis-data:/app/data");
  for (const auto& v : server["volumes"]) {
    EXPECT_NE(v.as<std::string>().rfind("../", 0), 0u) << "no source mount: " << v.as<std::string>();
  }
  EXPECT_EQ(server["ports"].Tag(), "!reset");
  EXPECT_EQ(server["environment"]["DEBUG"].as<std::string>(), "false");
  EXPECT_EQ(server["restart"].as<std::string>(), "unless-stopped");
  EXPECT_TRUE(server["read_only"].as<bool>());
  EXPECT_EQ(server["cap_drop"][0].as<std::string>(), "ALL");
  EXPECT_TRUE(server["healthcheck"]);
  EXPECT_TRUE(p["volumes"]["axis-data"]);
}

TEST(DeployFilesTest, KubernetesDeploymentProbesVolumesSecretsAndResources) {
  const YAML::Node d = YAML::LoadFile(kRoot + "/deploy/k8s/deployment.yaml");
  EXPECT_EQ(d["kind"].as<std::string>(), "Deployment");
  EXPECT_EQ(d["spec"]["replicas"].as<int>(), 1);
  EXPECT_EQ(d["spec"]["strategy"]["type"].as<std::string>(), "Recreate");
  const YAML::Node pod = d["spec"]["template"]["spec"];
  EXPECT_EQ(pod["securityContext"]["runAsUser"].as<int>(), 1000);
  const YAML::Node c = pod["containers"][0];
  EXPECT_EQ(c["ports"][0]["containerPort"].as<int>(), 8500);
  EXPECT_EQ(c["livenessProbe"]["httpGet"]["path"].as<std::string>(), "/");
  EXPECT_EQ(c["readinessProbe"]["httpGet"]["path"].as<std::string>(), "/health");
  EXPECT_EQ(c["resources"]["requests"]["memory"].as<std::string>(), "256Mi");
  EXPECT_EQ(c["resources"]["limits"]["memory"].as<std::string>(), "2Gi");
  EXPECT_EQ(env_value(c, "AXIS_CUSTOM_DIR"), "/app/custom");
  EXPECT_EQ(env_value(c, "HOST"), "0.0.0.0");
  int secrets = 0;
  for (const auto& e : c["env"]) {
    if (e["valueFrom"] && e["valueFrom"]["secretKeyRef"]) {
      ++secrets;
      EXPECT_EQ(e["valueFrom"]["secretKeyRef"]["name"].as<std::string>(), "axis-secrets");
    }
  }
  EXPECT_GE(secrets, 4);
  std::vector<std::string> mounts;
  for (const auto& m : c["volumeMounts"]) mounts.push_back(m["mountPath"].as<std::string>());
  EXPECT_EQ(mounts, (std::vector<std::string>{"/app/data", "/app/custom/config", "/tmp"}));
  EXPECT_EQ(pod["volumes"][0]["persistentVolumeClaim"]["claimName"].as<std::string>(), "axis-data");
  EXPECT_EQ(pod["volumes"][1]["configMap"]["name"].as<std::string>(), "axis-config");

  const YAML::Node pvc = YAML::LoadFile(kRoot + "/deploy/k8s/pvc.yaml");
  EXPECT_EQ(pvc["spec"]["accessModes"][0].as<std::string>(), "ReadWriteOnce");
  const YAML::Node cm = YAML::LoadFile(kRoot + "/deploy/k8s/configmap.yaml");
  const YAML::Node duckdb = YAML::Load(cm["data"]["duckdb.yaml"].as<std::string>());
  EXPECT_TRUE(duckdb["duckdb"]["enabled"].as<bool>());
  const YAML::Node svc = YAML::LoadFile(kRoot + "/deploy/k8s/service.yaml");
  EXPECT_EQ(svc["spec"]["ports"][0]["port"].as<int>(), 8500);
  const YAML::Node ing = YAML::LoadFile(kRoot + "/deploy/k8s/ingress.yaml");
  EXPECT_EQ(ing["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-buffering"].as<std::string>(), "off");
  EXPECT_EQ(ing["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-read-timeout"].as<std::string>(), "300");
  const YAML::Node k = YAML::LoadFile(kRoot + "/deploy/k8s/kustomization.yaml");
  for (const auto& r : k["resources"]) {
    EXPECT_NO_THROW(YAML::LoadFile(kRoot + "/deploy/k8s/" + r.as<std::string>())) << r.as<std::string>();
  }
}

TEST(DeployFilesTest, SystemdUnitRunsUnprivilegedWithTheStoreInItsStateDirectory) {
  const auto lines = lines_of("deploy/systemd/axis-server.service");
  EXPECT_TRUE(has_line(lines, "User=axis"));
  EXPECT_TRUE(has_line(lines, "ExecStart=/opt/axis/bin/axis-server serve"));
  EXPECT_TRUE(has_line(lines, "Environment=AXIS_DATA_DIR=/var/lib/axis"));
  EXPECT_TRUE(has_line(lines, "StateDirectory=axis"));
  EXPECT_TRUE(has_line(lines, "ProtectSystem=strict"));
  EXPECT_TRUE(has_line(lines, "ReadWritePaths=/var/lib/axis"));
  EXPECT_TRUE(has_line(lines, "Restart=on-failure"));
}

TEST(DeployFilesTest, VercelRewritesEveryPathToTheAppAndCachesHashedAssets) {
  const YAML::Node v = YAML::LoadFile(kRoot + "/web/vercel.json");  // JSON is YAML
  EXPECT_EQ(v["outputDirectory"].as<std::string>(), "dist");
  ASSERT_EQ(v["rewrites"].size(), 1u);
  EXPECT_EQ(v["rewrites"][0]["source"].as<std::string>(), "/(.*)");
  EXPECT_EQ(v["rewrites"][0]["destination"].as<std::string>(), "/index.html");
  EXPECT_EQ(v["headers"][0]["source"].as<std::string>(), "/assets/(.*)");
  EXPECT_EQ(v["headers"][0]["headers"][0]["value"].as<std::string>(),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(v["headers"][1]["headers"][0]["value"].as<std::string>(), "no-cache");
}

TEST(DeployFilesTest, CloudRunServiceKeepsOneWarmInstanceWithVolumeAndLongTimeout) {
  const YAML::Node s = YAML::LoadFile(kRoot + "/deploy/cloudrun/service.yaml");
  EXPECT_EQ(s["kind"].as<std::string>(), "Service");
  const YAML::Node t = s["spec"]["template"];
  EXPECT_EQ(t["metadata"]["annotations"]["autoscaling.knative.dev/maxScale"].as<std::string>(), "1");
  EXPECT_EQ(t["metadata"]["annotations"]["autoscaling.knative.dev/minScale"].as<std::string>(), "1");
  EXPECT_EQ(t["metadata"]["annotations"]["run.googleapis.com/cpu-throttling"].as<std::string>(), "false");
  EXPECT_GE(t["spec"]["timeoutSeconds"].as<int>(), 300);
  const YAML::Node c = t["spec"]["containers"][0];
  EXPECT_EQ(c["ports"][0]["containerPort"].as<int>(), 8500);
  EXPECT_EQ(env_value(c, "HOST"), "0.0.0.0");
  EXPECT_EQ(env_value(c, "AXIS_DATA_DIR"), "/app/data");
  EXPECT_EQ(c["volumeMounts"][0]["mountPath"].as<std::string>(), "/app/data");
  EXPECT_EQ(t["spec"]["volumes"][0]["name"].as<std::string>(), c["volumeMounts"][0]["name"].as<std::string>());
  EXPECT_EQ(c["resources"]["limits"]["memory"].as<std::string>(), "2Gi");
  bool token_from_secret = false;
  for (const auto& e : c["env"]) {
    if (e["name"].as<std::string>() == "AXIS_API_TOKEN") token_from_secret = static_cast<bool>(e["valueFrom"]["secretKeyRef"]);
  }
  EXPECT_TRUE(token_from_secret);
  const std::string script = read("deploy/cloudrun/deploy.sh");
  EXPECT_NE(script.find("gcloud run services replace"), std::string::npos);
}

TEST(DeployFilesTest, EcsTaskChecksHealthWithTheBinaryAndKeepsTheStoreOnEfs) {
  const YAML::Node t = YAML::LoadFile(kRoot + "/deploy/ecs/task-definition.json");
  const YAML::Node c = t["containerDefinitions"][0];
  const std::vector<std::string> check = c["healthCheck"]["command"].as<std::vector<std::string>>();
  ASSERT_GE(check.size(), 3u);
  EXPECT_EQ(check[0], "CMD");
  EXPECT_EQ(check[1], "/app/bin/axis-server");  // where server.Dockerfile puts it; no curl there
  EXPECT_EQ(check[2], "healthcheck");
  EXPECT_NE(read("deploy/docker/server.Dockerfile").find("COPY --from=build /src/build/axis-server /app/bin/axis-server"),
            std::string::npos);
  EXPECT_EQ(c["mountPoints"][0]["containerPath"].as<std::string>(), "/app/data");
  EXPECT_EQ(c["mountPoints"][0]["sourceVolume"].as<std::string>(), t["volumes"][0]["name"].as<std::string>());
  EXPECT_TRUE(static_cast<bool>(t["volumes"][0]["efsVolumeConfiguration"]["fileSystemId"]));
  EXPECT_EQ(c["user"].as<std::string>(), "1000:1000");
  EXPECT_TRUE(c["readonlyRootFilesystem"].as<bool>());
  EXPECT_EQ(c["logConfiguration"]["logDriver"].as<std::string>(), "awslogs");
  bool token_secret = false;
  for (const auto& s : c["secrets"]) token_secret |= s["name"].as<std::string>() == "AXIS_API_TOKEN";
  EXPECT_TRUE(token_secret);
  for (const auto& e : c["environment"]) EXPECT_NE(e["name"].as<std::string>(), "AXIS_API_TOKEN");
}

TEST(DeployFilesTest, TraefikStreamsRepliesWithLongTimeoutsAndTheUploadLimit) {
  const YAML::Node t = YAML::LoadFile(kRoot + "/deploy/traefik/axis.yml");
  const YAML::Node lb = t["http"]["services"]["axis"]["loadBalancer"];
  EXPECT_EQ(lb["servers"][0]["url"].as<std::string>(), "http://127.0.0.1:8500");
  EXPECT_EQ(lb["healthCheck"]["path"].as<std::string>(), "/health");
  EXPECT_TRUE(static_cast<bool>(lb["responseForwarding"]["flushInterval"]));
  EXPECT_EQ(t["http"]["serversTransports"]["axis-transport"]["forwardingTimeouts"]["responseHeaderTimeout"].as<std::string>(), "600s");
  EXPECT_EQ(t["http"]["middlewares"]["axis-body-limit"]["buffering"]["maxRequestBodyBytes"].as<long long>(), 209715200LL);
}

}  // namespace

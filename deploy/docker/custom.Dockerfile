# syntax=docker/dockerfile:1
# A derived image with a custom/ directory baked in (agents.yaml and the other YAML files under
# config/, branding/, agents/ avatars), for platforms where mounting it is awkward. The build
# context is the custom directory itself, so the repository's .dockerignore (which keeps custom/
# out of every other build) does not apply; custom.Dockerfile.dockerignore keeps secrets out:
#   docker build -f deploy/docker/custom.Dockerfile --build-arg BASE_IMAGE=axis-server:0.1.0 \
#     -t axis-server-custom:0.1.0 custom/
# The server reads <AXIS_CUSTOM_DIR>/config/*.yaml; the base image sets AXIS_CUSTOM_DIR=/app/custom.
# Secrets stay out of YAML: write ${VAR} there and pass VAR at run time.
ARG BASE_IMAGE=axis-server
FROM ${BASE_IMAGE}
COPY . /app/custom/

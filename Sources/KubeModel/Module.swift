// KubeModel module

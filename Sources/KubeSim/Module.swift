// KubeSim module

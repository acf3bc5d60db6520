document.cookie = "canary=1; path=/";
localStorage.setItem("canary", "1");
sessionStorage.setItem("canary", "1");
throw new Error("canary error");

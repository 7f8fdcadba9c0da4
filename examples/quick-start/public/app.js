// The site's own route: 200 and the user while signed in, 401 {"error":"signed_out"} otherwise.
document.getElementById('me').addEventListener('click', async () => {
  const response = await fetch('/api/me');
  document.getElementById('me-result').textContent = `${response.status} ${await response.text()}`;
});

import ArvioShell
print("arvio")

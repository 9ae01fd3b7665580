import BewaarCLI
Bewaar.runAndExit()

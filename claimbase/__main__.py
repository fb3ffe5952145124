from claimbase.cli import main

main()
